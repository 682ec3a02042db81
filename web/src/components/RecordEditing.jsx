// The record forms, in one chunk loaded only for users who may write (the partnership
// page asks for it when its edit controls show; /partnerships/new and /import are lazy
// routes of their own).
export { ConfirmDialog } from './ConfirmDialog.jsx';
export { EventForm } from './EventForm.jsx';
export { PartnershipForm } from './PartnershipForm.jsx';
export { FormAlert } from './RecordFields.jsx';
