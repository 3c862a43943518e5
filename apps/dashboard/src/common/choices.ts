const choices = (ids: string[], label: (id: string) => string = (id) => id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, " ")) =>
  ids.map((id) => ({ id, name: label(id) }));

export const schoolLevels = choices(["ELEMENTARY", "MIDDLE", "HIGH", "SPAN"]);
export const periodLevels = choices(["ELEMENTARY", "SECONDARY"]);
export const roles = choices(["TEACHER", "PRINCIPAL", "ESC_DIRECTOR", "INSTRUCTIONAL_SUPERINTENDENT", "HR", "DISTRICT_ADMIN"], (id) =>
  id === "ESC_DIRECTOR" ? "ESC director" : id === "HR" ? "HR" : id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, " "),
);
export const outageKinds = choices(["UNPLANNED", "MAINTENANCE"]);
export const gradeLevels = Array.from({ length: 13 }, (_, g) => ({ id: g, name: g === 0 ? "Kindergarten" : `Grade ${g}` }));

/** Every date and time in the district is read in Los Angeles time. */
export const LA_DATE = { timeZone: "America/Los_Angeles", year: "numeric", month: "short", day: "numeric" } as const;
export const LA_DATETIME = { ...LA_DATE, hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
