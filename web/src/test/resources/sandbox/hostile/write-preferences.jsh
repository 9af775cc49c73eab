// expect: DENIED java.util.prefs
Preferences.userRoot().put("pwned", "yes");
Preferences.userRoot().flush();
