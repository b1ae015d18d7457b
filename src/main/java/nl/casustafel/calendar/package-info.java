/**
 * The user's meetings in their own calendar: an {@code .ics} download and a personal subscription
 * feed behind a revocable secret URL, and the next meeting on the start page. A calendar entry names
 * only the table, date, time and location: no pupil, no agenda, no handle, no person.
 */
package nl.casustafel.calendar;
