package dev.oriel.rdp.core.pdu.x224;

import java.util.ArrayList;
import java.util.List;

/**
 * Security protocol flags of RDP_NEG_REQ.requestedProtocols and RDP_NEG_RSP.selectedProtocol
 * ([MS-RDPBCGR] 2.2.1.1.1). Flag words stay raw {@code int}s; this class names the bits.
 */
public final class SecurityProtocol {
    /** Standard RDP Security (no flag). */
    public static final int RDP = 0x0000_0000;
    /** TLS 1.0/1.1/1.2/1.3. */
    public static final int SSL = 0x0000_0001;
    /** CredSSP (NLA) over TLS. */
    public static final int HYBRID = 0x0000_0002;
    /** RDSTLS. */
    public static final int RDSTLS = 0x0000_0004;
    /** CredSSP with the Early User Authorization Result PDU. */
    public static final int HYBRID_EX = 0x0000_0008;
    /** RDS AAD Auth. */
    public static final int RDSAAD = 0x0000_0010;

    private SecurityProtocol() {
    }

    /** A readable form such as {@code SSL|HYBRID}, for logs. */
    public static String describe(int protocols) {
        if (protocols == RDP) {
            return "RDP";
        }
        List<String> names = new ArrayList<>();
        int rest = protocols;
        String[] n = {"SSL", "HYBRID", "RDSTLS", "HYBRID_EX", "RDSAAD"};
        for (int i = 0; i < n.length; i++) {
            if ((protocols & (1 << i)) != 0) {
                names.add(n[i]);
                rest &= ~(1 << i);
            }
        }
        if (rest != 0) {
            names.add("0x" + Integer.toHexString(rest));
        }
        return String.join("|", names);
    }
}
