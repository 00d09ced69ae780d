import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTITY } from '../../../src/simulator/core/identity';
import {
  nextVirtualNumber,
  virtualIdentity,
  virtualNumber,
} from '../../../src/ui/batch/logic/virtual-modules';

describe('the batch station\'s virtual modules ("Next module")', () => {
  it('each virtual module is known again by its IMEI', () => {
    for (const n of [1, 2, 9, 10, 123, 899_999]) expect(virtualNumber(virtualIdentity(n))).toBe(n);
  });

  it("the simulator's own module and other IMEIs are not virtual modules of the sequence", () => {
    // Its IMEI has the sequence's shape; the ICCID and serial number tell it apart.
    expect(virtualNumber(DEFAULT_IDENTITY)).toBeUndefined();
    const ninth = virtualIdentity(9);
    const wrongCheck = ninth.imei.slice(0, 14) + String((Number(ninth.imei[14]) + 1) % 10);
    expect(virtualNumber({ ...ninth, imei: wrongCheck })).toBeUndefined();
    expect(virtualNumber({ ...ninth, sn: '01201812010000000001' })).toBeUndefined();
  });

  it('after a reload the next module follows the one on the cable, not the first again', () => {
    expect(nextVirtualNumber(virtualIdentity(9))).toBe(10);
    expect(nextVirtualNumber(DEFAULT_IDENTITY)).toBe(1);
    expect(nextVirtualNumber(undefined)).toBe(1);
  });
});
