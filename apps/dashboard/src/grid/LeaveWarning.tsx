import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from "@mui/material";
import { useEffect } from "react";
import { useBlocker } from "react-admin";

/**
 * Warns before leaving with changes not yet saved. Nothing is lost either way (the outbox keeps them
 * and sends them from any page), but the teacher should know they have not reached the server.
 */
export const LeaveWarning = ({ unsaved }: { unsaved: number }) => {
  useEffect(() => {
    if (unsaved === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved > 0 && currentLocation.pathname !== nextLocation.pathname);
  return (
    <Dialog open={blocker.state === "blocked"} onClose={() => blocker.reset?.()}>
      <DialogTitle>{unsaved === 1 ? "1 change is" : `${unsaved} changes are`} not yet saved</DialogTitle>
      <DialogContent>
        <DialogContentText>
          They are kept on this device and will be sent as soon as the server answers, from any page. If you close the browser before then, they are sent the
          next time you open Gradewatch here.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => blocker.reset?.()} autoFocus>
          Stay here
        </Button>
        <Button onClick={() => blocker.proceed?.()}>Leave anyway</Button>
      </DialogActions>
    </Dialog>
  );
};
