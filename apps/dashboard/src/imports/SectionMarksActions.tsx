import DownloadIcon from "@mui/icons-material/Download";
import GridOnIcon from "@mui/icons-material/GridOn";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import { lazy, Suspense, useState } from "react";
import { Link } from "react-router-dom";
import { Button, EditButton, TopToolbar, usePermissions, useRecordContext } from "react-admin";
import { type Role, roleMay } from "../authProvider";

// The dialog's code loads when someone opens it.
const ImportMarksDialog = lazy(() => import("./ImportMarksDialog").then((m) => ({ default: m.ImportMarksDialog })));

/** The section page's actions: enter marks in the grid and edit (if allowed), download the marks as CSV, import a CSV of marks. */
export function SectionMarksActions() {
  const record = useRecordContext();
  const { permissions } = usePermissions<Role>();
  const [open, setOpen] = useState(false);
  if (!record) return <TopToolbar />;
  const id = String(record.id);
  return (
    <TopToolbar>
      {roleMay(permissions, "marks", "enter") && (
        <Button component={Link} to={`/sections/${encodeURIComponent(id)}/grid`} label="gradewatch.grid.open">
          <GridOnIcon />
        </Button>
      )}
      <EditButton />
      <Button component="a" href={`/exports/sections/${encodeURIComponent(id)}/marks.csv`} download label="gradewatch.imports.download">
        <DownloadIcon />
      </Button>
      {roleMay(permissions, "marks", "import") && (
        <>
          <Button label="gradewatch.imports.open" onClick={() => setOpen(true)}>
            <UploadFileIcon />
          </Button>
          {open && (
            <Suspense fallback={null}>
              <ImportMarksDialog sectionId={id} open onClose={() => setOpen(false)} />
            </Suspense>
          )}
        </>
      )}
    </TopToolbar>
  );
}
