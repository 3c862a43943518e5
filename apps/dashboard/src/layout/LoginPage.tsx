import SchoolIcon from "@mui/icons-material/School";
import { Box, Typography } from "@mui/material";
import { Login, LoginForm } from "react-admin";

/** The sign-in page names the product and what it is for before asking for anything. */
export const LoginPage = () => (
  <Login avatarIcon={<SchoolIcon />}>
    <Box sx={{ textAlign: "center", px: 2 }}>
      <Typography variant="h5" component="h1">
        Gradewatch
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Report card marks for the district
      </Typography>
    </Box>
    <LoginForm />
  </Login>
);
