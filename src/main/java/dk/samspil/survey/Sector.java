package dk.samspil.survey;

/**
 * Who a survey invitation went to: the cluster's members or the order's municipal participants. Results may be shown
 * by sector only under the disclosure policy's group rule.
 */
public enum Sector {
    CLUSTER,
    MUNICIPALITY
}
