import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Typography } from "@mui/material";
import type { PendingChange } from "./outbox-store";
import { laTime } from "./time";

export interface ConflictDialogProps {
  op: PendingChange | null;
  cellLabel: string;
  onChoose: (choice: "mine" | "theirs") => void;
  onClose: () => void;
}

/** Both values side by side; the teacher decides which one stands. Nothing is overwritten silently. */
export const ConflictDialog = ({ op, cellLabel, onChoose, onClose }: ConflictDialogProps) => {
  const theirs = op?.theirs;
  return (
    <Dialog open={!!op} onClose={onClose} aria-labelledby="conflict-title">
      <DialogTitle id="conflict-title">Two values for {cellLabel}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">
          <Typography sx={{ mb: 1 }}>
            You typed <strong data-testid="conflict-mine">{op?.value}</strong>
            {op ? ` at ${laTime(op.clientEnteredAt)}` : ""}.
          </Typography>
          <Typography>
            {theirs ? (
              <>
                {theirs.enteredBy ?? "Someone"} saved <strong data-testid="conflict-theirs">{theirs.value}</strong> at {laTime(theirs.updatedAt)} (version{" "}
                {theirs.version}).
              </>
            ) : (
              (op?.reason ?? "The mark changed since you last saw it.")
            )}
          </Typography>
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onChoose("theirs")}>Use {theirs?.value ?? "theirs"}</Button>
        <Button variant="contained" onClick={() => onChoose("mine")} autoFocus>
          Keep mine ({op?.value})
        </Button>
      </DialogActions>
    </Dialog>
  );
};
