import GridOnIcon from "@mui/icons-material/GridOn";
import { Button, List, ListItem, ListItemText, Typography } from "@mui/material";
import { useGetIdentity, useGetList, usePermissions } from "react-admin";
import { Link } from "react-router-dom";
import { reachOf } from "@gradewatch/domain/policy";
import type { Role } from "../authProvider";

/** A teacher's way in: their own sections, each one click from the grid. */
export const MySections = () => {
  const { permissions } = usePermissions<Role>();
  const { identity } = useGetIdentity();
  // Whoever reaches only their own sections (a teacher) is shown them here.
  const teacher = !!permissions && reachOf(permissions, "section.read") === "own";
  const { data = [], isPending } = useGetList<{ id: string; courseName: string; enrolledCount: number }>(
    "sections",
    { filter: { teacherId: identity?.id }, pagination: { page: 1, perPage: 50 }, sort: { field: "courseName", order: "ASC" } },
    { enabled: teacher && !!identity },
  );
  if (!teacher) return null;
  return (
    <>
      <Typography variant="h6" sx={{ mt: 3 }}>
        Your sections
      </Typography>
      {isPending ? (
        <Typography color="text.secondary">Loading…</Typography>
      ) : data.length === 0 ? (
        <Typography color="text.secondary">You teach no sections this term.</Typography>
      ) : (
        <List dense data-testid="my-sections">
          {data.map((s) => (
            <ListItem
              key={s.id}
              secondaryAction={
                <Button component={Link} to={`/sections/${s.id}/grid`} startIcon={<GridOnIcon />} size="small">
                  Enter marks
                </Button>
              }
            >
              <ListItemText primary={s.courseName} secondary={`${s.enrolledCount} students`} />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
};
