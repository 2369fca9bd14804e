// A change made on a device carries an id the device made up (a UUID), so the server can tell a
// resent change (a retry after a lost answer) from a new one. The island makes them with crypto.randomUUID().
import { z } from 'zod';

/** What a change id may look like: a UUID or any similar token of 8 to 100 URL-safe characters. */
export const changeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'A change id is 8 to 100 letters, digits, "-" or "_"');

/** When the device recorded the change, by its own clock (ms since epoch); shown in the history, never used to order. */
export const recordedAtSchema = z.number().int().min(0).max(8_640_000_000_000_000);
