/*
 * TEST-ONLY stand-in for Windows' bcryptprimitives.dll, for running
 * kefucost.exe under Debian 12's Wine 8.0. Never ship it: real Windows 10
 * and later have the genuine DLL, and the zip and the installer leave it out.
 *
 * Go (since 1.22) gets its random numbers from ProcessPrng in
 * bcryptprimitives.dll; Wine 8.0 has no such DLL, so the Go runtime dies at
 * start ("bcryptprimitives.dll not found"). scripts/test-windows.sh builds
 * this file with MinGW into the private WINEPREFIX it tests in:
 *   x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll \
 *       wine-bcryptprimitives.c wine-bcryptprimitives.def -lbcrypt
 * It forwards to BCryptGenRandom (the system-preferred RNG), which Wine has.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		/* BCryptGenRandom takes a ULONG length */
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
