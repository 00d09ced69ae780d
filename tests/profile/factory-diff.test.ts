import { describe, expect, it } from 'vitest';
import { factoryValued, nonFactoryValues, withoutFactoryValues } from '../../src/profile';
import { exportAtScript } from '../../src/profile/at-script';
import { decodeShareLink, encodeShareLink } from '../../src/profile/share-link';
import { factoryDefaults } from '../../src/protocol/catalogue';
import { smallProfile } from './fixtures';

describe('profiles without factory values', () => {
  const device = { ...factoryDefaults(), HEARTTM: '90', SOCKA: 'TCP,demo.usr.cn,2318' };

  it('keeps only the settings that differ from the factory defaults, in order', () => {
    expect(nonFactoryValues(device)).toEqual({ SOCKA: 'TCP,demo.usr.cn,2318', HEARTTM: '90' });
    expect(factoryValued(device)).toHaveLength(45);
    expect(factoryValued({ HEARTTM: '90' })).toEqual([]);
  });

  it('exports as an AT script and a link with just those', async () => {
    const p = withoutFactoryValues(smallProfile('From the device', device));
    expect(Object.keys(p.values)).toEqual(['SOCKA', 'HEARTTM']);
    const script = exportAtScript(p, { comments: false });
    expect(script.trim().split(/\r\n/)).toEqual(['AT+SOCKA=TCP,demo.usr.cn,2318', 'AT+HEARTTM=90']);
    const link = await encodeShareLink(p);
    const back = await decodeShareLink(link.fragment);
    expect(back.ok && back.profile.values).toEqual({ SOCKA: 'TCP,demo.usr.cn,2318', HEARTTM: '90' });
  });
});
