import type { HandlerMap, OpsOf } from '../handlers.ts';
import { appVersion } from '../../version.ts';

export const appHandlers: HandlerMap<OpsOf<'app'>> = {
  'app.progress': (_input, { currentProgress }) => currentProgress(),
  'app.info': (_input, { store, transport }) => ({
    version: appVersion,
    storeFile: store.file,
    deviceId: store.deviceId,
    deviceName: store.getMeta('device_name') ?? '',
    hasRegion: store.statements.get('SELECT 1 FROM regions LIMIT 1').get() !== undefined,
    transport,
  }),
  'app.setDeviceName': ({ name }, { store }) => {
    store.db.transaction(() => {
      store.setMeta('device_name', name);
      store.statements.get('UPDATE devices SET name = ? WHERE is_self = 1').run(name);
    })();
    return { ok: true as const };
  },
};
