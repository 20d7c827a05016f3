import { useRef, useState } from 'react';
import type { FileChoice } from '../../shared/contract/shell.ts';
import { call, downloadFile, inShell, useOp, uploadFile } from '../api.ts';
import { useFilesT } from '../i18n/useFilesT.ts';

/** A file or folder to use: `ref` goes to the operation, `shown` to the coach. */
export interface Target {
  ref: string;
  shown: string;
}
export const noTarget: Target = { ref: '', shown: '' };
export const chosenTarget = (c: FileChoice): Target => ({ ref: c.ref, shown: c.path });

interface FileKind {
  name: string;
  extensions: string[];
}
export const BUNDLE_FILES: FileKind = { name: 'Pamoja bundle', extensions: ['pamoja', 'pamoja-part', 'eml'] };
export const INVITATION_FILES: FileKind = {
  name: 'Pamoja invitation',
  extensions: ['pamoja-invite', 'json'],
};

/**
 * A file to read. In the app the shell's dialog chooses it (the page never names a path);
 * in the browser the file picker uploads it to the local server, which keeps it in the
 * data folder. Either way the coach sees what was chosen, never a box to type a path in.
 */
export function FilePicker(props: {
  label: string;
  pickLabel: string;
  kind: FileKind;
  value: Target;
  onChange: (v: Target) => void;
  testId: string;
}) {
  const { t, explain } = useFilesT();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy?: string; error?: string }>({});
  const pick = (): void => {
    if (!inShell()) {
      input.current?.click();
      return;
    }
    void call('shell.chooseFile', { filters: [props.kind] }).then(
      (c) => c && props.onChange(chosenTarget(c)),
      (e: unknown) => setState({ error: explain(e) }),
    );
  };
  const upload = async (file: File): Promise<void> => {
    setState({ busy: file.name });
    try {
      const chosen = await uploadFile(file);
      setState({});
      props.onChange({ ref: chosen.ref, shown: file.name });
    } catch (e) {
      setState({ error: explain(e) });
    }
  };
  return (
    <div className="field place">
      <span className="place-label" id={`${props.testId}-label`}>
        {props.label}
      </span>
      <div className="searchbar" style={{ alignItems: 'center' }}>
        <input
          readOnly
          aria-labelledby={`${props.testId}-label`}
          value={props.value.shown}
          placeholder="—"
          style={{ flex: 1 }}
          data-testid={props.testId}
        />
        <button className="button" type="button" onClick={pick} data-testid={`${props.testId}-pick`}>
          {props.pickLabel}
        </button>
      </div>
      {!inShell() && (
        <input
          ref={input}
          type="file"
          hidden
          accept={props.kind.extensions.map((e) => `.${e}`).join(',')}
          data-testid={`${props.testId}-file`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = '';
          }}
        />
      )}
      {state.busy && (
        <p className="muted small" role="status">
          {t('files.uploading', { name: state.busy })}
        </p>
      )}
      {state.error && (
        <p className="error-box" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}

/**
 * The folder to sync with. The app asks the shell's folder dialog. The browser cannot
 * hand over a folder, so the path is typed, and the page says which folders the server may
 * use (the data folder and those named with --allow).
 */
export function FolderField(props: {
  label: string;
  pickLabel: string;
  value: Target;
  onChange: (v: Target) => void;
  testId: string;
}) {
  const { t, explain } = useFilesT();
  const [error, setError] = useState<string>();
  const info = useOp('shell.info', inShell() ? null : {});
  if (inShell()) {
    return (
      <div className="field place">
        <span className="place-label" id={`${props.testId}-label`}>
          {props.label}
        </span>
        <div className="searchbar" style={{ alignItems: 'center' }}>
          <input
            readOnly
            aria-labelledby={`${props.testId}-label`}
            value={props.value.shown}
            placeholder="—"
            style={{ flex: 1 }}
            data-testid={props.testId}
          />
          <button
            className="button"
            type="button"
            onClick={() =>
              void call('shell.chooseFolder', {}).then(
                (c) => c && props.onChange(chosenTarget(c)),
                (e: unknown) => setError(explain(e)),
              )
            }
          >
            {props.pickLabel}
          </button>
        </div>
        {error && (
          <p className="error-box" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <>
      <label className="field">
        {props.label}
        <input
          value={props.value.shown}
          onChange={(e) => props.onChange({ ref: e.target.value, shown: e.target.value })}
          data-testid={props.testId}
          spellCheck={false}
        />
      </label>
      {info.data && (
        <p className="muted small place-hint" data-testid={`${props.testId}-allowed`}>
          {t('files.allowed', { folders: info.data.allowedFolders.join(', ') })}
        </p>
      )}
    </>
  );
}

/**
 * Where to save a bundle the app writes. In the app, optionally a place from the save
 * dialog (otherwise Pamoja's bundles folder); in the browser always the bundles folder,
 * then a download link (see `DownloadLink`).
 */
export function SaveTarget(props: {
  label: string;
  pickLabel: string;
  defaultName: string;
  kind: FileKind;
  value: Target;
  onChange: (v: Target) => void;
  testId: string;
}) {
  const { t, explain } = useFilesT();
  const [error, setError] = useState<string>();
  const info = useOp('shell.info', {});
  const place = info.data ? t('files.defaultPlace', { folder: info.data.bundlesFolder }) : '';
  if (!inShell()) {
    return (
      <p className="muted small place-hint" data-testid={props.testId}>
        {place}
      </p>
    );
  }
  return (
    <div className="field place">
      <span className="place-label" id={`${props.testId}-label`}>
        {props.label}
      </span>
      <div className="searchbar" style={{ alignItems: 'center' }}>
        <input
          readOnly
          aria-labelledby={`${props.testId}-label`}
          value={props.value.shown}
          placeholder={place}
          style={{ flex: 1 }}
          data-testid={props.testId}
        />
        <button
          className="button"
          type="button"
          onClick={() =>
            void call('shell.saveFile', { defaultName: props.defaultName, filters: [props.kind] }).then(
              (c) => c && props.onChange(chosenTarget(c)),
              (e: unknown) => setError(explain(e)),
            )
          }
        >
          {props.pickLabel}
        </button>
      </div>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** After writing a file: a download in the browser, "show in folder" in the app. */
export function WrittenFile({ file, fileRef }: { file: string; fileRef: string }) {
  const { t, explain } = useFilesT();
  const [error, setError] = useState<string>();
  const name = file.split(/[\\/]/).pop() ?? file;
  const act = (): Promise<void> =>
    inShell()
      ? call('shell.showInFolder', { ref: fileRef }).then(() => undefined)
      : downloadFile(fileRef, name);
  return (
    <p>
      <button
        className="button"
        type="button"
        onClick={() => void act().catch((e: unknown) => setError(explain(e)))}
        data-testid="written-file"
      >
        {inShell() ? t('files.showInFolder') : t('files.download', { name })}
      </button>
      {error && <span className="overdue"> {error}</span>}
    </p>
  );
}
