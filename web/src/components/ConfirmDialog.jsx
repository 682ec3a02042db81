// A modal confirmation (the native <dialog>: the focus stays inside, Escape cancels)
// for deleting an event or a partnership. The focus starts on Cancel, the safe choice.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/index.js';

export function ConfirmDialog({ id, title, text, confirmLabel, busy, children, onConfirm, onCancel }) {
  const ref = useRef(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      if (d.showModal) d.showModal();
      else d.setAttribute('open', '');
    }
    document.getElementById(id + '-cancel')?.focus();
    return () => d?.open && d.close?.();
  }, []);
  return (
    <dialog
      id={id}
      ref={ref}
      class="confirm-dialog"
      aria-labelledby={id + '-title'}
      aria-describedby={id + '-text'}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={id + '-title'}>{title}</h2>
      <p id={id + '-text'}>{text}</p>
      {children}
      <p class="form-actions">
        <button type="button" id={id + '-confirm'} class="danger" disabled={busy} onClick={onConfirm}>
          {busy ? t('records.deleting') : confirmLabel}
        </button>
        <button type="button" id={id + '-cancel'} disabled={busy} onClick={onCancel}>{t('records.cancel')}</button>
      </p>
    </dialog>
  );
}
