import type { FuseV1Config } from '@electron/fuses';

/** Types for build/fuses.mjs (plain JS so electron-builder can load it as its afterPack hook). */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
export declare const pamojaFuses: FuseV1Config;
export declare function packedBinary(context: PackContext): string;
export default function afterPack(context: PackContext): Promise<void>;
