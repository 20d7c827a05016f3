import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';

/**
 * Electron's fuses, flipped in the packaged binary (electron-builder's `afterPack`): features
 * built into Electron that an installed Pamoja never needs, switched off so nobody can use
 * the app's binary as a general Node runtime or debugger on a coach's laptop.
 */
export const pamojaFuses = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: false,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (and the session's storage) encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could inject code at start.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger into the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash embedded at packaging (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the packaged app.asar runs, never a loose folder put beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // file:// gets no extra powers: the page is served from app:// (electron/shell/appProtocol.ts).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The Electron binary inside a packed app folder, per platform. */
export function packedBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName ?? name);
  }
}

/** electron-builder's afterPack hook. */
export default async function afterPack(context) {
  await flipFuses(packedBinary(context), {
    ...pamojaFuses,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  });
}
