import { Box, Stack, Typography } from "@mui/material";
import { RecordContextProvider, useCanAccess, useGetOne, useRecordContext } from "react-admin";
import { Assign, ExtensionDecision, Thread } from "./ProblemReportShow";

/** The queue's row opened in place: assign, reply or note, decide the extension, without leaving the queue. */
export const ReportPanel = () => {
  const row = useRecordContext();
  const { canAccess: manages } = useCanAccess({ resource: "problemReports", action: "assign" });
  const { data } = useGetOne<{ id: string | number; description: string }>("problemReports", { id: row?.id }, { enabled: !!row });
  if (!data) return <Typography color="text.secondary">Loading…</Typography>;
  return (
    <RecordContextProvider value={data}>
      <Box sx={{ pl: 2, pr: 2, pb: 1 }} data-testid="report-panel">
        <Typography variant="body2" sx={{ whiteSpace: "pre-wrap", mb: 1 }}>
          {data.description}
        </Typography>
        <Stack direction="row" spacing={2}>
          {manages ? <Assign /> : null}
        </Stack>
        <ExtensionDecision />
        <Thread />
      </Box>
    </RecordContextProvider>
  );
};
