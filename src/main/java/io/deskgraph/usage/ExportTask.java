package io.deskgraph.usage;

import java.time.Instant;

import org.springframework.lang.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * A vendor-side export of usage metrics to a file.
 *
 * @param id the global id
 * @param accountId the account
 * @param nativeId the vendor's task id
 * @param status the task state
 * @param vendorStatus the state exactly as the vendor reported it
 * @param fileName the file name, once known
 * @param failReason why it failed
 * @param errorCode the vendor's error code of a failed task
 * @param downloaded whether the file was downloaded (by anyone), if the vendor says
 * @param createdAt when it was created
 * @param finishedAt when it finished
 * @author DeskGraph
 */
public record ExportTask(String id, String accountId, String nativeId, ExportStatus status,
		@Nullable String vendorStatus, @Nullable String fileName, @Nullable String failReason,
		@Nullable String errorCode, @Nullable Boolean downloaded, @Nullable Instant createdAt,
		@Nullable Instant finishedAt) {

	/** The gateway path under which export files are downloaded. */
	public static final String DOWNLOADS = "/exports";

	/**
	 * Where the gateway serves the task's file: root-relative, so that it resolves
	 * against whatever origin the client reached the gateway by (DeskGraph does not trust
	 * forwarding headers, so it cannot know its public host behind a proxy).
	 * @return {@code /exports/{id}/file}, or {@code null} unless the task succeeded
	 */
	@Nullable
	public String downloadUrl() {
		return (this.status == ExportStatus.SUCCESS) ? downloadPath(this.id) : null;
	}

	/**
	 * The download path of a task.
	 * @param id the task's global id
	 * @return {@code /exports/{id}/file}, the id encoded as a path segment
	 */
	public static String downloadPath(String id) {
		return DOWNLOADS + "/" + UriUtils.encodePathSegment(id, "UTF-8") + "/file";
	}

}
