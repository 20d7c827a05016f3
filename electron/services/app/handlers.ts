import type { HandlerMap, OpsOf } from '../handlers.ts';
import { appVersion } from '../../version.ts';
import { hasRegion } from '../region/overview.ts';

export const appHandlers: HandlerMap<OpsOf<'app'>> = {
  'app.progress': (_input, { currentProgress }) => currentProgress(),
  'app.info': (_input, { store, transport }) => ({
    version: appVersion,
    storeFile: store.file,
    deviceId: store.deviceId,
    deviceName: store.getMeta('device_name') ?? '',
    hasRegion: hasRegion(store),
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
