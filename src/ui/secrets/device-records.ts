/**
 * What the app writes about a device it reads (docs/security.md, "minimise"): who it is and when it was
 * seen — never the values read. Those stay in the page (the config store) for as long as the person works
 * with the device, and are kept only when the person saves them as a profile, choosing what happens to
 * its passwords. The apply history is written by the storage layer with secrets withheld.
 */
import { recordDevice, type DeviceIdentity } from '../../storage';

export async function rememberDeviceRead(identity: DeviceIdentity): Promise<void> {
  if (!identity.imei && !identity.sn) return;
  await recordDevice(identity);
}
