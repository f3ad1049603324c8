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
// os.Getenv, go-locale, libc) sees "C". Only for subcommands: the window
// keeps the environment as it is (its input method and the programs it
// starts follow the character set).

/*
#include <string.h>

#ifdef __GLIBC__
// glibc calls constructors with the program's argc, argv and environment.
__attribute__((constructor)) static void kefucost_c_locale(int argc, char **argv, char **envp) {
	if (argc < 2 || argv[1][0] == '-' || envp == NULL) {
		return; // the window (no subcommand, or only flags)
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
