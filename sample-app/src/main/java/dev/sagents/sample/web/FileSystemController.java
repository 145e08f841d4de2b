package dev.sagents.sample.web;

import java.util.List;

import dev.sagents.filesystem.FileSystemSupervisor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows what the agents wrote to a shared file system. */
@RestController
@RequestMapping("/api/filesystems")
public class FileSystemController {

	private final FileSystemSupervisor fileSystems;

	public FileSystemController(FileSystemSupervisor fileSystems) {
		this.fileSystems = fileSystems;
	}

	/**
	 * The files of {@code scope}, sorted by path. The file system is started if it does not run, so
	 * files persisted by an earlier run are listed too; a malformed scope is refused by the supervisor.
	 */
	@GetMapping("/{scope}/files")
	public List<FileView> files(@PathVariable String scope) {
		return this.fileSystems.ensureFileSystem(scope).list().stream().map(FileView::of).toList();
	}

}
