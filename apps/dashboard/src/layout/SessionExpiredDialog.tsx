import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from "@mui/material";
import { type FormEvent, useEffect, useState } from "react";
import { useLogout, useTranslate } from "react-admin";
import { signInAgain } from "../authProvider";
import { watchSessionExpiry } from "../dataProvider/session";

/**
 * Shown over the page when the session ends while someone works on it: they sign in again here and
 * nothing on screen is lost (a half-filled form stays filled). Signing in as someone else starts afresh;
 * signing out drops what was waiting and goes to the sign-in page.
 */
export const SessionExpiredDialog = () => {
  const translate = useTranslate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => watchSessionExpiry(setOpen), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { sameUser } = await signInAgain(email, password);
      setPassword("");
      if (!sameUser) {
        // Someone else: nothing of the previous person's page may stay on screen.
        window.location.hash = "#/";
        window.location.reload();
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} aria-labelledby="session-expired-title" data-testid="session-expired">
      <form onSubmit={submit}>
        <DialogTitle id="session-expired-title">{translate("gradewatch.session.title")}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate("gradewatch.session.help")}</DialogContentText>
          <Stack spacing={2}>
            <TextField label={translate("gradewatch.session.email")} type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
            <TextField label={translate("ra.auth.password")} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => logout()} disabled={busy}>
            {translate("gradewatch.session.sign_out")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate("gradewatch.session.sign_in")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
