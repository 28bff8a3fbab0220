/**
 * Service data (ydelsesdata) and municipal data: import, rates per 1,000 listed patients, disclosure control.
 * Not built yet.
 */
package dk.samspil.servicedata;
