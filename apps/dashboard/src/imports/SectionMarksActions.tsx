import DownloadIcon from "@mui/icons-material/Download";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import { useState } from "react";
import { Button, EditButton, TopToolbar, usePermissions, useRecordContext } from "react-admin";
import { type Role, roleMay } from "../authProvider";
import { ImportMarksDialog } from "./ImportMarksDialog";

/** The section page's actions: edit (if allowed), download the marks as CSV, import a CSV of marks. */
export function SectionMarksActions() {
  const record = useRecordContext();
  const { permissions } = usePermissions<Role>();
  const [open, setOpen] = useState(false);
  if (!record) return <TopToolbar />;
  const id = String(record.id);
  return (
    <TopToolbar>
      <EditButton />
      <Button component="a" href={`/exports/sections/${encodeURIComponent(id)}/marks.csv`} download label="gradewatch.imports.download">
        <DownloadIcon />
      </Button>
      {roleMay(permissions, "marks", "import") && (
        <>
          <Button label="gradewatch.imports.open" onClick={() => setOpen(true)}>
            <UploadFileIcon />
          </Button>
          <ImportMarksDialog sectionId={id} open={open} onClose={() => setOpen(false)} />
        </>
      )}
    </TopToolbar>
  );
}
