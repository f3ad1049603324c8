/*
 * kefucost.com: the console face of kefucost.exe on Windows.
 *
 * kefucost.exe is a GUI program (no console window flashes when it is
 * double-clicked), so started from cmd or PowerShell it would print nothing
 * and not be waited for. This console program runs kefucost.exe from its
 * own folder with the same command line and this console's streams, waits
 * for it and returns its exit code. Windows runs kefucost.com for a typed
 * `kefucost …` because .COM comes before .EXE in PATHEXT.
 *
 * Built by scripts/windows.sh:
 *   x86_64-w64-mingw32-gcc -O2 -s -municode -o kefucost.com console.c
 */
#include <windows.h>
#include <wchar.h>

static BOOL WINAPI ignore_ctrl(DWORD type)
{
	(void)type;
	return TRUE; /* the child gets Ctrl+C too; wait for it to exit */
}

static void say(const wchar_t *msg, DWORD err)
{
	wchar_t buf[1200];
	DWORD n;
	HANDLE h = GetStdHandle(STD_ERROR_HANDLE);
	_snwprintf(buf, sizeof buf / sizeof buf[0] - 1, L"kefucost: %ls (error %lu)\r\n", msg, (unsigned long)err);
	buf[sizeof buf / sizeof buf[0] - 1] = 0;
	if (!WriteConsoleW(h, buf, (DWORD)wcslen(buf), &n, NULL)) {
		char u[3600];
		int len = WideCharToMultiByte(CP_UTF8, 0, buf, -1, u, sizeof u, NULL, NULL);
		if (len > 1)
			WriteFile(h, u, (DWORD)len - 1, &n, NULL);
	}
}

/* rest_of_command_line skips the program name as Windows' own parser does
 * for argv[0] (quotes group, no escapes) and returns the arguments verbatim. */
static const wchar_t *rest_of_command_line(const wchar_t *p)
{
	if (*p == L'"') {
		p++;
		while (*p && *p != L'"')
			p++;
		if (*p)
			p++;
	} else {
		while (*p && *p != L' ' && *p != L'\t')
			p++;
	}
	return p; /* keeps the separating blank, if any */
}

int wmain(void)
{
	static wchar_t exe[32768];
	DWORD n = GetModuleFileNameW(NULL, exe, 32768 - 8);
	if (n == 0 || n >= 32768 - 8) {
		say(L"cannot find my own file name", GetLastError());
		return 1;
	}
	wchar_t *dot = wcsrchr(exe, L'.');
	wchar_t *slash = wcsrchr(exe, L'\\');
	if (dot == NULL || (slash != NULL && dot < slash))
		dot = exe + n;
	wcscpy(dot, L".exe");

	const wchar_t *args = rest_of_command_line(GetCommandLineW());
	size_t len = wcslen(exe) + wcslen(args) + 3;
	wchar_t *cmd = HeapAlloc(GetProcessHeap(), 0, len * sizeof(wchar_t));
	if (cmd == NULL) {
		say(L"out of memory", GetLastError());
		return 1;
	}
	_snwprintf(cmd, len, L"\"%ls\"%ls", exe, args);
	cmd[len - 1] = 0;

	STARTUPINFOW si;
	PROCESS_INFORMATION pi;
	ZeroMemory(&si, sizeof si);
	si.cb = sizeof si;
	si.dwFlags = STARTF_USESTDHANDLES;
	si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
	si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
	si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
	SetConsoleCtrlHandler(ignore_ctrl, TRUE);
	if (!CreateProcessW(exe, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
		DWORD err = GetLastError();
		wchar_t msg[1100];
		_snwprintf(msg, 1099, L"cannot start %ls", exe);
		msg[1099] = 0;
		say(msg, err);
		return 1;
	}
	CloseHandle(pi.hThread);
	WaitForSingleObject(pi.hProcess, INFINITE);
	DWORD code = 1;
	GetExitCodeProcess(pi.hProcess, &code);
	CloseHandle(pi.hProcess);
	return (int)code;
}
