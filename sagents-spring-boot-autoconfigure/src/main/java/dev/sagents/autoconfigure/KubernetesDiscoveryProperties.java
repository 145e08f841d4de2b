package dev.sagents.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sagents.horde.kubernetes.*}: with {@code sagents.horde.discovery=kubernetes}, how the
 * member sagents starts finds the other pods, through Hazelcast's built-in Kubernetes discovery.
 * Exactly one of four ways: {@code service-dns} (DNS lookup of a headless Service: no Kubernetes
 * API access needed), or, through the Kubernetes API (the pod's service account needs to read
 * endpoints and pods), {@code service-name}, {@code service-label-name} with
 * {@code service-label-value}, or {@code pod-label-name} with {@code pod-label-value}. {@code null} until set. The port the discovered members are reached
 * on is the member's own ({@code sagents.horde.network.port}), which every pod shares.
 */
public class KubernetesDiscoveryProperties {

	/**
	 * DNS lookup: the DNS name of the headless Service in front of the pods, such as
	 * notes-hazelcast.default.svc.cluster.local. The Service must publish the addresses of pods
	 * that are not ready yet (publishNotReadyAddresses: true): a pod is ready only once it has joined.
	 */
	private String serviceDns;

	/** DNS lookup: how long one lookup may take, in whole seconds. Defaults to Hazelcast's 5s. */
	private Duration serviceDnsTimeout;

	/**
	 * Kubernetes API: the namespace of the pods. Defaults to the pod's own namespace (read from its
	 * service account, else the KUBERNETES_NAMESPACE environment variable).
	 */
	private String namespace;

	/** Kubernetes API: the name of the Service whose endpoints are the members. */
	private String serviceName;

	/**
	 * Kubernetes API: the label every Service of the members carries (with service-label-value);
	 * several labels separated by commas, as many as values.
	 */
	private String serviceLabelName;

	/** Kubernetes API: the value of service-label-name. */
	private String serviceLabelValue;

	/**
	 * Kubernetes API: the label the member pods carry (with pod-label-value), instead of a
	 * Service; several labels separated by commas, as many as values.
	 */
	private String podLabelName;

	/** Kubernetes API: the value of pod-label-name. */
	private String podLabelValue;

	/** The DNS name of the headless Service, or {@code null} when not set. */
	public String getServiceDns() {
		return this.serviceDns;
	}

	/** Sets the DNS name of the headless Service. */
	public void setServiceDns(String serviceDns) {
		this.serviceDns = serviceDns;
	}

	/** The DNS lookup timeout, or {@code null} when not set. */
	public Duration getServiceDnsTimeout() {
		return this.serviceDnsTimeout;
	}

	/** Sets the DNS lookup timeout. */
	public void setServiceDnsTimeout(Duration serviceDnsTimeout) {
		this.serviceDnsTimeout = serviceDnsTimeout;
	}

	/** The namespace, or {@code null} for the pod's own. */
	public String getNamespace() {
		return this.namespace;
	}

	/** Sets the namespace. */
	public void setNamespace(String namespace) {
		this.namespace = namespace;
	}

	/** The Service name, or {@code null} when not set. */
	public String getServiceName() {
		return this.serviceName;
	}

	/** Sets the Service name. */
	public void setServiceName(String serviceName) {
		this.serviceName = serviceName;
	}

	/** The Service label name, or {@code null} when not set. */
	public String getServiceLabelName() {
		return this.serviceLabelName;
	}

	/** Sets the Service label name. */
	public void setServiceLabelName(String serviceLabelName) {
		this.serviceLabelName = serviceLabelName;
	}

	/** The Service label value, or {@code null} when not set. */
	public String getServiceLabelValue() {
		return this.serviceLabelValue;
	}

	/** Sets the Service label value. */
	public void setServiceLabelValue(String serviceLabelValue) {
		this.serviceLabelValue = serviceLabelValue;
	}

	/** The pod label name, or {@code null} when not set. */
	public String getPodLabelName() {
		return this.podLabelName;
	}

	/** Sets the pod label name. */
	public void setPodLabelName(String podLabelName) {
		this.podLabelName = podLabelName;
	}

	/** The pod label value, or {@code null} when not set. */
	public String getPodLabelValue() {
		return this.podLabelValue;
	}

	/** Sets the pod label value. */
	public void setPodLabelValue(String podLabelValue) {
		this.podLabelValue = podLabelValue;
	}

	/**
	 * The settings that are set, by their name under {@code sagents.horde.kubernetes}, which is
	 * also the name of Hazelcast's Kubernetes discovery property they set, in declaration order.
	 */
	Map<String, Object> given() {
		Map<String, Object> given = new LinkedHashMap<>();
		putIfSet(given, "service-dns", this.serviceDns);
		putIfSet(given, "service-dns-timeout", this.serviceDnsTimeout);
		putIfSet(given, "namespace", this.namespace);
		putIfSet(given, "service-name", this.serviceName);
		putIfSet(given, "service-label-name", this.serviceLabelName);
		putIfSet(given, "service-label-value", this.serviceLabelValue);
		putIfSet(given, "pod-label-name", this.podLabelName);
		putIfSet(given, "pod-label-value", this.podLabelValue);
		return given;
	}

	private static void putIfSet(Map<String, Object> given, String name, Object value) {
		if (value != null) {
			given.put(name, value);
		}
	}

}
