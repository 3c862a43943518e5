import englishMessages from "ra-language-english";

export const en = {
  ...englishMessages,
  resources: {
    escs: { name: "ESC |||| ESCs", fields: { code: "Code", name: "Name" } },
    schools: {
      name: "School |||| Schools",
      fields: { locationCode: "Location code", name: "Name", level: "Level", escId: "ESC", principalId: "Principal", enrollment: "Enrollment" },
    },
    employees: {
      name: "Employee |||| Staff",
      fields: {
        employeeNumber: "Employee no.",
        firstName: "First name",
        lastName: "Last name",
        fullName: "Name",
        email: "Email",
        role: "Role",
        schoolId: "School",
        escId: "ESC",
        workdayStart: "Workday starts",
        workdayEnd: "Workday ends",
        active: "Active",
      },
    },
    students: {
      name: "Student |||| Students",
      fields: { districtStudentId: "Student id", firstName: "First name", lastName: "Last name", fullName: "Name", gradeLevel: "Grade", schoolId: "School", escId: "ESC" },
    },
    sections: {
      name: "Section |||| Sections",
      fields: { courseName: "Course", gradeLevel: "Grade", level: "Marked in", schoolId: "School", teacherId: "Teacher" },
    },
    reportingPeriods: {
      name: "Reporting period |||| Reporting periods",
      fields: { schoolYear: "School year", name: "Name", level: "Level", windowOpensOn: "Window opens", originalDeadline: "Original deadline", currentDeadline: "Deadline", gradingItems: "Marked on" },
    },
    marks: {
      name: "Mark |||| Marks",
      fields: { value: "Mark", comment: "Comment", studentId: "Student", sectionId: "Section", periodId: "Reporting period", schoolId: "School", enteredAt: "First entered", updatedAt: "Last saved", version: "Version" },
    },
    outages: {
      name: "Outage |||| Outages",
      fields: { kind: "Kind", startsAt: "Started", endsAt: "Ended", description: "What happened" },
    },
    maintenanceWindows: {
      name: "Maintenance window |||| Maintenance windows",
      fields: { name: "Name", timeZone: "Time zone", active: "Active", description: "Description" },
    },
  },
};
