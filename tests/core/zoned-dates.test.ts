import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DATE_FORMATS, rfc822, zonedDates, type DateFormat } from "../../src/site/zoned-dates.ts";

// luxon is the reference: the fast formatter must print exactly what luxon prints.
const ZONES = ["UTC", "utc", "GMT", "Etc/UTC", "Europe/London", "Europe/Paris", "America/New_York", "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Kiritimati", "America/Sao_Paulo"];
const LANGUAGES = ["en", "en-GB", "en-US", "fr", "de-CH", "ja", "ar-EG", "hi"];
const INSTANTS = [
  "2025-03-14T09:30:00Z",
  "2025-03-30T00:59:59Z", // the hour before Europe's spring change
  "2025-03-30T01:00:00Z",
  "2025-10-26T00:30:00.250Z",
  "2024-02-29T23:59:59Z",
  "2026-12-31T23:00:00Z",
  "1999-12-31T12:00:00Z",
  "1901-06-01T08:00:00Z",
  "2038-01-19T03:14:08Z",
];

function luxonIn(zone: string, language: string, iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).setLocale(language);
}

describe("zoned dates", () => {
  it("prints every readable format as luxon's toLocaleString does", () => {
    for (const zone of ZONES) {
      for (const language of LANGUAGES) {
        const dates = zonedDates(zone, language);
        for (const iso of INSTANTS) {
          for (const format of Object.keys(DATE_FORMATS) as DateFormat[]) {
            expect(dates.readable(iso, format), `${zone} ${language} ${iso} ${format}`).toBe(luxonIn(zone, language, iso).toLocaleString(DATE_FORMATS[format]));
          }
        }
      }
    }
  });

  it("writes ISO 8601 with the zone's offset as luxon's toISO does, Z only for the UTC zone itself", () => {
    for (const zone of ZONES) {
      for (const iso of INSTANTS) {
        expect(zonedDates(zone, "en").iso(iso), `${zone} ${iso}`).toBe(luxonIn(zone, "en", iso).toISO({ suppressMilliseconds: true }));
      }
    }
    expect(zonedDates("UTC", "en").iso("2025-03-14T09:30:00Z")).toBe("2025-03-14T09:30:00Z");
    expect(zonedDates("Etc/UTC", "en").iso("2025-03-14T09:30:00Z")).toBe("2025-03-14T09:30:00+00:00");
    expect(zonedDates("Asia/Kathmandu", "en").iso("2025-03-14T09:30:00Z")).toBe("2025-03-14T15:15:00+05:45");
  });

  it("gives the local calendar date, which can differ from the UTC one", () => {
    // The day number as the date it names.
    const localDate = (zone: string, iso: string) => new Date(zonedDates(zone, "en").localDay(Date.parse(iso)) * 86_400_000).toISOString().slice(0, 10);
    expect(localDate("Pacific/Kiritimati", "2025-03-14T23:30:00Z")).toBe("2025-03-15");
    expect(localDate("America/New_York", "2025-03-14T02:00:00Z")).toBe("2025-03-13");
    for (const zone of ZONES) {
      for (const iso of INSTANTS) expect(localDate(zone, iso)).toBe(DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd"));
    }
  });

  it("writes RFC 822 in English and UTC whatever the site's language", () => {
    for (const iso of INSTANTS) expect(rfc822(iso)).toBe(DateTime.fromISO(iso, { zone: "utc" }).setLocale("en-US").toRFC2822());
    expect(rfc822("2025-03-04T09:05:00Z")).toBe("Tue, 04 Mar 2025 09:05:00 +0000");
  });
});
