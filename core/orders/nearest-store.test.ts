import { distanceMetres, distanceText, nearestStore } from './nearest-store';

const JINGAN = { latitude: 31.2245, longitude: 121.445 };
const LUJIAZUI = { latitude: 31.2355, longitude: 121.499 };

describe('nearestStore', () => {
  const stores = [
    { id: 'jingan', location: JINGAN },
    { id: 'nowhere', location: null },
    { id: 'lujiazui', location: LUJIAZUI },
  ];

  it('picks the closest store that has a location', () => {
    expect(nearestStore(stores, { latitude: 31.24, longitude: 121.5 })?.id).toBe('lujiazui');
    expect(nearestStore(stores, { latitude: 31.22, longitude: 121.44 })?.id).toBe('jingan');
  });

  it('answers null when no store has a location', () => {
    expect(nearestStore([{ id: 'a', location: null }], JINGAN)).toBeNull();
  });

  it('measures city distances in metres', () => {
    // Jing'an to Lujiazui is about 5.3 km as the crow flies.
    expect(distanceMetres(JINGAN, LUJIAZUI)).toBeGreaterThan(5_000);
    expect(distanceMetres(JINGAN, LUJIAZUI)).toBeLessThan(5_600);
    expect(distanceMetres(JINGAN, JINGAN)).toBe(0);
  });

  it('writes distances as shoppers read them', () => {
    expect(distanceText(849.6)).toBe('850m');
    expect(distanceText(3_240)).toBe('3.2km');
  });
});
