import { relations } from "drizzle-orm";
import { mark, gradingItem, reportingPeriod } from "./marks.js";
import { employee, esc, school } from "./organisation.js";
import { enrollment, section, student } from "./students.js";

export const escRelations = relations(esc, ({ many }) => ({ schools: many(school) }));
export const schoolRelations = relations(school, ({ one, many }) => ({
  esc: one(esc, { fields: [school.escId], references: [esc.id] }),
  principal: one(employee, { fields: [school.principalId], references: [employee.id] }),
  students: many(student),
  sections: many(section),
}));
export const employeeRelations = relations(employee, ({ one }) => ({
  school: one(school, { fields: [employee.schoolId], references: [school.id] }),
  esc: one(esc, { fields: [employee.escId], references: [esc.id] }),
}));
export const studentRelations = relations(student, ({ one, many }) => ({
  school: one(school, { fields: [student.schoolId], references: [school.id] }),
  enrollments: many(enrollment),
}));
export const sectionRelations = relations(section, ({ one, many }) => ({
  school: one(school, { fields: [section.schoolId], references: [school.id] }),
  teacher: one(employee, { fields: [section.teacherId], references: [employee.id] }),
  enrollments: many(enrollment),
}));
export const enrollmentRelations = relations(enrollment, ({ one }) => ({
  section: one(section, { fields: [enrollment.sectionId], references: [section.id] }),
  student: one(student, { fields: [enrollment.studentId], references: [student.id] }),
}));
export const reportingPeriodRelations = relations(reportingPeriod, ({ many }) => ({
  gradingItems: many(gradingItem),
}));
export const gradingItemRelations = relations(gradingItem, ({ one }) => ({
  period: one(reportingPeriod, { fields: [gradingItem.periodId], references: [reportingPeriod.id] }),
}));
export const markRelations = relations(mark, ({ one }) => ({
  section: one(section, { fields: [mark.sectionId], references: [section.id] }),
  student: one(student, { fields: [mark.studentId], references: [student.id] }),
  gradingItem: one(gradingItem, { fields: [mark.gradingItemId], references: [gradingItem.id] }),
  period: one(reportingPeriod, { fields: [mark.periodId], references: [reportingPeriod.id] }),
  enteredBy: one(employee, { fields: [mark.enteredById], references: [employee.id] }),
}));
