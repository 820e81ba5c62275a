package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Raised when an export file cannot be downloaded because the vendor does not know the
 * task or the task has no file (yet, or any more); carries the task as the vendor reports
 * it, {@code null} when it does not know it.
 *
 * @author DeskGraph
 */
public class ExportNotDownloadableException extends RuntimeException {

	@Nullable
	private final ExportTask task;

	/**
	 * Creates an exception.
	 * @param taskId the global id asked for
	 * @param task the task as the vendor reports it, {@code null} when it does not know
	 * it
	 */
	public ExportNotDownloadableException(String taskId, @Nullable ExportTask task) {
		super((task != null)
				? "export task '" + taskId + "' is " + task.status() + describe(task)
						+ "; only a SUCCESS task has a file"
				: "export task '" + taskId + "' is not known to its account");
		this.task = task;
	}

	private static String describe(ExportTask task) {
		if (task.status() == ExportStatus.FAIL && task.failReason() != null) {
			return " (" + task.failReason() + ")";
		}
		if (task.status() == ExportStatus.UNKNOWN && task.vendorStatus() != null) {
			return " (vendor status " + task.vendorStatus() + ")";
		}
		return "";
	}

	/**
	 * The task as the vendor reports it.
	 * @return the task, {@code null} when the vendor does not know it
	 */
	@Nullable
	public ExportTask getTask() {
		return this.task;
	}

}
