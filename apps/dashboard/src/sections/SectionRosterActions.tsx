import PersonAddIcon from "@mui/icons-material/PersonAdd";
import PersonRemoveIcon from "@mui/icons-material/PersonRemove";
import { Autocomplete, Stack, TextField } from "@mui/material";
import { useState } from "react";
import { Button, Confirm, type RaRecord, useGetList, useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { enrollStudent, unenrollStudent } from "./roster-api";

const label = (s: RaRecord) => `${s.lastName}, ${s.firstName} (${s.districtStudentId})`;

/** Search the section's school for a student and put them on the roster. */
export const EnrollStudent = () => {
  const section = useRecordContext<RaRecord & { schoolId: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [q, setQ] = useState("");
  const [picked, setPicked] = useState<RaRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const { data = [], isPending } = useGetList<RaRecord>(
    "students",
    { filter: { schoolId: section?.schoolId, ...(q ? { q } : {}) }, pagination: { page: 1, perPage: 20 }, sort: { field: "lastName", order: "ASC" } },
    { enabled: !!section },
  );
  if (!section) return null;
  const enroll = async () => {
    if (!picked) return;
    setBusy(true);
    try {
      await enrollStudent(String(section.id), String(picked.id));
      notify("gradewatch.roster.enrolled", { type: "success", messageArgs: { name: `${picked.firstName} ${picked.lastName}` } });
      setPicked(null);
      refresh();
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center", mb: 1 }}>
      <Autocomplete
        sx={{ width: 380 }}
        size="small"
        options={data}
        loading={isPending}
        value={picked}
        filterOptions={(x) => x}
        getOptionLabel={label}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        onChange={(_, value) => setPicked(value)}
        onInputChange={(_, value, reason) => reason === "input" && setQ(value)}
        noOptionsText={translate("gradewatch.roster.none")}
        renderInput={(params) => <TextField {...params} label={translate("gradewatch.roster.search")} />}
      />
      <Button label="gradewatch.roster.enroll" onClick={enroll} disabled={!picked || busy} variant="contained">
        <PersonAddIcon />
      </Button>
    </Stack>
  );
};

/** Takes the row's student off the section's roster, after a confirmation. */
export const UnenrollButton = ({ sectionId }: { sectionId: string }) => {
  const student = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!student) return null;
  const name = `${student.firstName} ${student.lastName}`;
  const confirm = async () => {
    setOpen(false);
    try {
      await unenrollStudent(sectionId, String(student.id));
      notify("gradewatch.roster.unenrolled", { type: "info", messageArgs: { name } });
      refresh();
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), { type: "error" });
    }
  };
  return (
    <>
      <Button
        label="gradewatch.roster.unenroll"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        <PersonRemoveIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="gradewatch.roster.confirm_title"
        content="gradewatch.roster.confirm_content"
        translateOptions={{ name }}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
