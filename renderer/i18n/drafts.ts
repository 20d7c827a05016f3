import { defineMessages } from '../../shared/i18n.ts';

/** Discarding a plan's or a record's draft (with Undo). */
export const draftMessages = defineMessages({
  en: {
    'draft.discard': 'Discard draft',
    'draft.discardHint': 'Go back to what is saved; Undo brings the draft back for a few seconds.',
    'draft.discarded': 'The draft was discarded.',
  },
  sw: {
    'draft.discard': 'Futa rasimu',
    'draft.discardHint': 'Rudi kwa kilichohifadhiwa; Tendua huirudisha rasimu kwa sekunde chache.',
    'draft.discarded': 'Rasimu imefutwa.',
  },
});
