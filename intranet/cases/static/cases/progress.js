// A receipt's QR code carries the receipt number in the fragment, which never reaches the
// server; copy it into the form so the citizen only types the phone digits.
const field = document.getElementById("id_receipt_number");
const fromFragment = decodeURIComponent(window.location.hash.slice(1));
if (field && !field.value && /^BJ-\d{4}-[2-9A-HJ-NP-Z]{6}$/.test(fromFragment)) {
  field.value = fromFragment;
  const digits = document.getElementById("id_phone_last4");
  if (digits) digits.focus();
}
