//go:build linux && cgo

package main

// A subcommand started under the "C.UTF-8" locale (the default on many
// servers and CI machines) must not print a locale error. Fyne's lang
// package reads the locale in its own init and reports "C.UTF-8" as "not a
// language tag" (go-locale treats only a bare "C" or "POSIX" as no
// language). No Go code runs before that init, so the C library does it:
// an ELF constructor runs before the Go runtime starts and reads the
// environment. It shortens "C.UTF-8" (or "POSIX.…") to "C" in place, in the
// environment block the Go runtime then copies, so every reader (Go's
// os.Getenv, go-locale, libc) sees "C". Only for the command line (flags
// before a subcommand included): the window
// keeps the environment as it is (its input method and the programs it
// starts follow the character set).

/*
#include <string.h>
#include <strings.h>

#ifdef __GLIBC__
// kefucost_window: the arguments open the window, as window.Args decides
// (only --db PATH, --db=PATH and *.json files); anything else is the
// command line. A flag before the subcommand ("--lang en compare …",
// "-h", "--version") is the command line too: it printed Fyne's three
// locale lines when only a first argument not starting with "-" counted.
static int kefucost_window(int argc, char **argv) {
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		size_t n = strlen(a);
		if (strncmp(a, "--db=", 5) == 0) {
			continue;
		}
		if (strcmp(a, "--db") == 0 || strcmp(a, "-db") == 0) {
			if (i + 1 == argc) {
				return 0;
			}
			i++;
			continue;
		}
		if (a[0] != '-' && n >= 5 && strcasecmp(a + n - 5, ".json") == 0) {
			continue;
		}
		return 0;
	}
	return 1;
}

// glibc calls constructors with the program's argc, argv and environment.
__attribute__((constructor)) static void kefucost_c_locale(int argc, char **argv, char **envp) {
	if (envp == NULL || kefucost_window(argc, argv)) {
		return; // the window
	}
	static const char *keys[] = {"LC_ALL=", "LC_MESSAGES=", "LANG="};
	for (int k = 0; k < 3; k++) {
		size_t n = strlen(keys[k]);
		for (char **e = envp; *e != NULL; e++) {
			if (strncmp(*e, keys[k], n) != 0 || (*e)[n] == '\0') {
				continue;
			}
			char *v = *e + n;
			size_t base = strcspn(v, ".@");
			if (v[base] != '\0' && ((base == 1 && v[0] == 'C') || (base == 5 && strncmp(v, "POSIX", 5) == 0))) {
				v[base] = '\0'; // "C.UTF-8" -> "C"
			}
			return; // the first one set is the one that counts
		}
	}
}
#endif
*/
import "C"
