/**
 * The practice library's words by their forms and meanings (issue 14): a second full-text
 * index beside practices_fts whose text is what `pamoja_words` makes of each column —
 * word keys (English stems, Kiswahili roots, by the practice's language) and a token per vocabulary concept
 * (shared/words/indexText.ts). Contentless: the text lives in `practices`. Triggers keep
 * it current, so every path that writes practices (edits, new practices written in the
 * app, region files, received bundles) updates it; `pamoja_words` is registered on every
 * connection by electron/db/words.ts. When the vocabulary or the word forms change, the
 * store re-indexes on open (meta `practice_words_version`).
 */
export const sql = `
CREATE VIRTUAL TABLE practice_words USING fts5(
  title, problem, summary, steps, tags,
  content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 tokenchars ':_'"
);
CREATE TRIGGER practice_words_ai AFTER INSERT ON practices BEGIN
  INSERT INTO practice_words(rowid, title, problem, summary, steps, tags)
  VALUES (new.seq, pamoja_words(new.title, new.language), pamoja_words(new.problem, new.language), pamoja_words(new.summary, new.language),
          pamoja_words(new.steps, new.language), pamoja_tag_words(new.tags));
END;
CREATE TRIGGER practice_words_ad AFTER DELETE ON practices BEGIN
  DELETE FROM practice_words WHERE rowid = old.seq;
END;
CREATE TRIGGER practice_words_au AFTER UPDATE OF title, problem, summary, steps, tags, language ON practices BEGIN
  DELETE FROM practice_words WHERE rowid = old.seq;
  INSERT INTO practice_words(rowid, title, problem, summary, steps, tags)
  VALUES (new.seq, pamoja_words(new.title, new.language), pamoja_words(new.problem, new.language), pamoja_words(new.summary, new.language),
          pamoja_words(new.steps, new.language), pamoja_tag_words(new.tags));
END;
`;
