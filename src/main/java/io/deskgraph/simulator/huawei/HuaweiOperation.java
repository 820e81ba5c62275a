package io.deskgraph.simulator.huawei;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * The Workspace API operations the Huawei simulator serves, with their HTTP method, path
 * and the name they are counted under in {@code /_sim/stats}.
 *
 * @author DeskGraph
 */
public enum HuaweiOperation {

	/** {@code GET /v2/{project_id}/statistics}. */
	LIST_DESKTOPS_STATISTICS("ListDesktopsStatistics", "GET", "/v2/{project_id}/statistics",
			HuaweiSimulatorProperties.Quotas::listDesktopsStatistics),

	/** {@code GET /v2/{project_id}/desktops/statistics/unused}. */
	LIST_UNUSED_DESKTOPS("ListUnusedDesktops", "GET", "/v2/{project_id}/desktops/statistics/unused",
			HuaweiSimulatorProperties.Quotas::listUnusedDesktops),

	/** {@code POST /v2/{project_id}/desktops/statistics/used}. */
	LIST_USED_DESKTOP_INFO("ListUsedDesktopInfo", "POST", "/v2/{project_id}/desktops/statistics/used",
			HuaweiSimulatorProperties.Quotas::listUsedDesktopInfo),

	/** {@code GET /v2/{project_id}/statistics/metrics/desktops}. */
	LIST_DESKTOP_USAGE_METRIC("ListDesktopUsageMetric", "GET", "/v2/{project_id}/statistics/metrics/desktops",
			HuaweiSimulatorProperties.Quotas::listDesktopUsageMetric),

	/** {@code GET /v2/{project_id}/statistics/metrics/users}. */
	LIST_USER_USAGE_METRIC("ListUserUsageMetric", "GET", "/v2/{project_id}/statistics/metrics/users",
			HuaweiSimulatorProperties.Quotas::listUserUsageMetric),

	/** {@code GET /v3/{project_id}/statistics/metrics/desktops/export}. */
	EXPORT_DESKTOP_USAGE_METRIC("ExportDesktopUsageMetric", "GET",
			"/v3/{project_id}/statistics/metrics/desktops/export",
			HuaweiSimulatorProperties.Quotas::exportDesktopUsageMetric),

	/** {@code GET /v2/{project_id}/export-tasks}. */
	LIST_EXPORT_TASKS("ListExportTasks", "GET", "/v2/{project_id}/export-tasks",
			HuaweiSimulatorProperties.Quotas::listExportTasks),

	/** {@code GET /v2/{project_id}/export-tasks/{task_id}/download}. */
	DOWNLOAD_EXPORT_FILE("DownloadExportFile", "GET", "/v2/{project_id}/export-tasks/{task_id}/download",
			HuaweiSimulatorProperties.Quotas::downloadExportFile),

	/** {@code GET /v2/{project_id}/desktops/detail}. */
	LIST_DESKTOPS_DETAIL("ListDesktopsDetail", "GET", "/v2/{project_id}/desktops/detail",
			HuaweiSimulatorProperties.Quotas::listDesktopsDetail);

	private final String operationName;

	private final String method;

	private final String pathTemplate;

	private final Pattern pathPattern;

	private final ToIntFunction<HuaweiSimulatorProperties.Quotas> quota;

	HuaweiOperation(String operationName, String method, String pathTemplate,
			ToIntFunction<HuaweiSimulatorProperties.Quotas> quota) {
		this.operationName = operationName;
		this.method = method;
		this.pathTemplate = pathTemplate;
		this.pathPattern = Pattern.compile(pathTemplate.replaceAll("\\{[a-z_]+}", "([^/]+)") + "/?");
		this.quota = quota;
	}

	/**
	 * Returns the vendor's name of the operation, as counted in the statistics.
	 * @return the operation name, e.g. {@code ListUsedDesktopInfo}
	 */
	public String operationName() {
		return this.operationName;
	}

	/**
	 * Returns the HTTP method.
	 * @return the method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Returns the path template.
	 * @return the template with {@code {project_id}} and other variables
	 */
	public String pathTemplate() {
		return this.pathTemplate;
	}

	/**
	 * Returns the per-minute quota of the operation.
	 * @param quotas the configured quotas
	 * @return calls allowed per caller per minute
	 */
	public int quota(HuaweiSimulatorProperties.Quotas quotas) {
		return this.quota.applyAsInt(quotas);
	}

	/**
	 * Returns the names of all operations.
	 * @return the operation names in declaration order
	 */
	public static List<String> operationNames() {
		List<String> names = new ArrayList<>();
		for (HuaweiOperation operation : values()) {
			names.add(operation.operationName);
		}
		return names;
	}

	/**
	 * Finds the operation by its vendor name.
	 * @param operationName the name, e.g. {@code ListUsedDesktopInfo}
	 * @return the operation
	 * @throws IllegalArgumentException if no operation has that name
	 */
	public static HuaweiOperation named(String operationName) {
		for (HuaweiOperation operation : values()) {
			if (operation.operationName.equals(operationName)) {
				return operation;
			}
		}
		throw new IllegalArgumentException("Unknown operation " + operationName);
	}

	/**
	 * Matches a request to an operation; a path that matches with another method matches
	 * nothing (the gateway answers both with APIGW.0101).
	 * @param method the HTTP method
	 * @param rawPath the raw request path
	 * @return the match, or {@code null}
	 */
	@Nullable
	static Match match(String method, String rawPath) {
		for (HuaweiOperation operation : values()) {
			Matcher matcher = operation.pathPattern.matcher(rawPath);
			if (matcher.matches() && operation.method.equals(method)) {
				List<String> variables = new ArrayList<>();
				for (int i = 1; i <= matcher.groupCount(); i++) {
					variables.add(matcher.group(i));
				}
				return new Match(operation, variables);
			}
		}
		return null;
	}

	/**
	 * A request matched to an operation.
	 *
	 * @param operation the operation
	 * @param pathVariables the path variables in template order, still percent-encoded
	 */
	record Match(HuaweiOperation operation, List<String> pathVariables) {

	}

}
