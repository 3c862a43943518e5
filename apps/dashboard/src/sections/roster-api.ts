import { request } from "../dataProvider/client";

const ENROLL = `mutation($sectionId: ID!, $studentId: ID!) { enrollStudent(sectionId: $sectionId, studentId: $studentId) { id enrolledCount } }`;
const UNENROLL = `mutation($sectionId: ID!, $studentId: ID!) { unenrollStudent(sectionId: $sectionId, studentId: $studentId) { id enrolledCount } }`;

export const enrollStudent = (sectionId: string, studentId: string) => request(ENROLL, { sectionId, studentId }, true);
export const unenrollStudent = (sectionId: string, studentId: string) => request(UNENROLL, { sectionId, studentId }, true);
