package dev.sagents.filesystem;

import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;

/**
 * The rules for scopes and paths. A path is relative and {@code /}-separated; every segment is
 * non-empty and neither {@code .} nor {@code ..}; it holds no backslash, no control character
 * (NUL included) and no broken UTF-16; it starts with neither {@code /} nor a drive letter
 * ({@code C:}), does not end with {@code /} and is at most {@code maxPathLength} characters long.
 * A path that breaks a rule is refused rather than rewritten (no folding of {@code a//b} into
 * {@code a/b}), so every file has exactly one spelling and a valid path can never leave the
 * directory of its scope.
 */
public final class FileSystemPaths {

	private FileSystemPaths() {
	}

	/** Whether {@code scope} is 1–128 characters of {@code A-Z a-z 0-9 . _ : -} (the rule of agent ids). */
	public static boolean isValidScope(String scope) {
		return ProcessKey.isValidId(scope);
	}

	/**
	 * {@code scope} itself if valid; {@link InvalidScopeException} otherwise
	 * ({@link IllegalArgumentException} for {@code null}).
	 */
	public static String requireValidScope(String scope) {
		if (!isValidScope(Arguments.notNull(scope, "scope"))) {
			throw new InvalidScopeException(scope);
		}
		return scope;
	}

	/**
	 * {@code path} itself if it follows every rule of this class; {@link InvalidPathException}
	 * naming the first rule it breaks otherwise.
	 */
	public static String requireValidPath(String scope, String path, int maxPathLength) {
		if (path == null || path.isEmpty()) {
			throw new InvalidPathException(scope, path, "the path is empty");
		}
		requireRelative(scope, path, maxPathLength, "path");
		if (path.endsWith("/")) {
			throw new InvalidPathException(scope, path, "the path ends with '/'");
		}
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty()) {
				throw new InvalidPathException(scope, path, "the path has an empty segment");
			}
			if (segment.equals(".") || segment.equals("..")) {
				throw new InvalidPathException(scope, path, "the path has a '" + segment + "' segment");
			}
		}
		return path;
	}

	/**
	 * The prefix to list by: {@code ""} (every file) for {@code null}, else {@code prefix} itself.
	 * A prefix only selects among stored paths, so it may end with {@code /} or in the middle of a
	 * segment; it is still refused ({@link InvalidPathException}) when no valid path could start
	 * with it, so a mistyped prefix reports an error instead of an empty list.
	 */
	public static String requireValidPrefix(String scope, String prefix, int maxPathLength) {
		if (prefix == null || prefix.isEmpty()) {
			return "";
		}
		requireRelative(scope, prefix, maxPathLength, "prefix");
		return prefix;
	}

	/**
	 * Refuses {@code text} (a path or prefix, named {@code what} in the reason) when it is too long,
	 * holds a character no path may hold, or is absolute.
	 */
	private static void requireRelative(String scope, String text, int maxPathLength, String what) {
		if (text.length() > maxPathLength) {
			throw new InvalidPathException(scope, text,
					"the " + what + " has " + text.length() + " characters, more than the limit of " + maxPathLength);
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				throw new InvalidPathException(scope, text, "the " + what + " holds a control character at index " + i);
			}
			if (c == '\\') {
				throw new InvalidPathException(scope, text, "the " + what + " holds a backslash");
			}
			// A lone surrogate has no file name: the file system would store it as '?', and two
			// different paths would share one file.
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new InvalidPathException(scope, text, "the " + what + " holds a broken UTF-16 character at index " + i);
			}
		}
		if (text.startsWith("/")) {
			throw new InvalidPathException(scope, text, "the " + what + " is absolute");
		}
		if (startsWithDriveLetter(text)) {
			throw new InvalidPathException(scope, text, "the " + what + " starts with a drive letter");
		}
	}

	private static boolean startsWithDriveLetter(String text) {
		char first = text.charAt(0);
		return text.length() >= 2 && text.charAt(1) == ':'
				&& ((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'));
	}

}
