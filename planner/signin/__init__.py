"""Sign-in attempts: the per-account throttle all web workers share, the auditors' record."""
