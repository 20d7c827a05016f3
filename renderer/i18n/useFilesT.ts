import { placeReasons, type PlaceReason } from '../../shared/errors.ts';
import { translator } from '../../shared/i18n.ts';
import { ApiError } from '../api.ts';
import { fileMessages, reasonKey } from './files.ts';
import { refusalText } from './refusals.ts';
import { useI18n } from './index.tsx';

const isPlaceReason = (r: string | undefined): r is PlaceReason =>
  r !== undefined && (placeReasons as readonly string[]).includes(r);

/** The file messages' translate function, and a failure worded in the UI's language (places, bundle refusals). */
export function useFilesT() {
  const { lang } = useI18n();
  const t = translator(fileMessages, lang);
  const explain = (e: unknown): string =>
    e instanceof ApiError && isPlaceReason(e.reason)
      ? t(reasonKey(e.reason), { detail: e.detail ?? '' })
      : e instanceof ApiError
        ? (refusalText(e.reason, e.detail, lang) ?? e.message)
        : e instanceof Error
          ? e.message
          : String(e);
  return { t, lang, explain };
}
