package dev.sagents.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * How values travel between members in horde mode, and how calls and casts to the agents of this
 * node, in local mode too, are made to behave as between members: {@code sagents.codec.*}. By
 * default the MessageCodec bean checks each message, reply type, reply and published payload (a
 * lookup per class) and refuses what could not travel with MessageEncodingException.
 */
public class CodecProperties {

	/**
	 * How values travel: 'json' (through the application's Jackson JsonMapper) or 'compact'
	 * (Hazelcast Compact for the classes of the application's CompactSerializer beans, JSON for
	 * every other value). Either way, decoding instantiates only trusted types.
	 */
	private CodecFormat format = CodecFormat.JSON;

	/**
	 * Further packages whose types may be decoded from the network (messages, replies, event
	 * payloads, states), such as com.example.orders. The application's auto-configuration
	 * packages and the packages of the AgentBehavior beans' state types are always trusted, and
	 * with format 'compact' the Compact types of the CompactSerializer beans; no other type is
	 * ever instantiated from received bytes.
	 */
	private List<String> trustedPackages = new ArrayList<>();

	/**
	 * Whether every message, reply and event payload of the agents of this node is encoded and
	 * decoded by the codec, so that an agent gets, and a caller receives, what another member
	 * would have decoded (as Pekko's serialize-messages). For tests: a test in local mode then
	 * fails as horde mode would, also where the checks cannot tell (a field Jackson writes
	 * differently from how it reads it). Costs an encode and a decode per value; needs a
	 * MessageCodec (Jackson on the classpath, or a MessageCodec bean).
	 */
	private boolean verifyLocal;

	/** How values travel. */
	public CodecFormat getFormat() {
		return this.format;
	}

	/** Sets how values travel. */
	public void setFormat(CodecFormat format) {
		this.format = format;
	}

	/** The further trusted packages. */
	public List<String> getTrustedPackages() {
		return this.trustedPackages;
	}

	/** Sets the further trusted packages. */
	public void setTrustedPackages(List<String> trustedPackages) {
		this.trustedPackages = trustedPackages;
	}

	/** Whether local values go through the codec. */
	public boolean isVerifyLocal() {
		return this.verifyLocal;
	}

	/** Sets whether local values go through the codec. */
	public void setVerifyLocal(boolean verifyLocal) {
		this.verifyLocal = verifyLocal;
	}

	/** How messages, replies, event payloads and states travel between members. */
	public enum CodecFormat {

		/** JSON, through the application's Jackson {@code JsonMapper}. */
		JSON,

		/**
		 * Hazelcast Compact for the classes of the application's {@code CompactSerializer} beans,
		 * JSON for every other value.
		 */
		COMPACT

	}

}
