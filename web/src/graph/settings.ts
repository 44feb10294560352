/**
 * Every sigma setting of the explorer in one place: programs (curved arrows so parallel edges stay apart), label
 * density and grid (tuned so labels do not overlap at the default zoom), the font stack (CJK included), colours of
 * entity and relationship types, and node sizes by degree.
 */
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { Settings } from "sigma/settings";
import { createNodeBorderProgram } from "@sigma/node-border";
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from "sigma/rendering";

import { drawNodeLabel } from "./labels.js";

/** Latin first, then Noto Sans CJK SC so Chinese names render with Simplified glyphs, then platform CJK fonts. */
export const FONT_STACK = `"Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

/**
 * Colour-blind-safe hues: Okabe & Ito's eight (distinct under protanopia, deuteranopia and tritanopia), with Tol's
 * indigo and wine for the two types they lack and greys for the places and sources. Laws, regulators and cases also
 * differ in shape (see NODE_SHAPES), so no reader depends on hue alone.
 */
export const LABEL_FONT_SIZE = 13;
export const LABEL_FONT_WEIGHT = "500";

export const TYPE_COLORS: Record<string, string> = {
  Company: "#0072B2",
  Organization: "#56B4E9",
  Regulator: "#D55E00",
  Court: "#882255",
  Law: "#009E73",
  Model: "#CC79A7",
  Case: "#E69F00",
  Person: "#F0E442",
  Jurisdiction: "#8C8C8C",
  Topic: "#332288",
  Source: "#BBBBBB",
  // The legal layer (opened from a law): an article in a paler green than its law; duties, who they bind and what a
  // breach costs in hues the overview does not use.
  Provision: "#7FCDBB",
  Obligation: "#1F4E79",
  Role: "#999933",
  Penalty: "#661100",
};
export const UNKNOWN_COLOR = "#999999";

/** Who acted against whom stands out; structural links stay quiet. */
export const ACTION_TYPES = new Set(["INVESTIGATES", "SUES", "ACCUSES", "FINES", "RULES_ON"]);
export const ACTION_EDGE_COLOR = "#d9777c";
export const EDGE_COLOR = "#c3cad3";
export const DIM_NODE_COLOR = "#e4e7eb";
export const DIM_EDGE_COLOR = "#eef0f3";
export const HIGHLIGHT_EDGE_COLOR = "#39424e";

export const PROGRAM_NODE = "circle";
/** The second channel: a law is a disc in a dark ring, a regulator a disc in a double ring, a case a hollow ring. */
export const NODE_SHAPES: Record<string, string> = { Law: "ringed", Regulator: "doubleRinged", Case: "hollow" };
export const RING_COLOR = "#1d232b";
export const PROGRAM_EDGE = "arrow";
export const PROGRAM_EDGE_CURVED = "curvedArrow";
export const PROGRAM_EDGE_LINE = "line";
/** Relationship types that have no direction: drawn as plain lines, never with an arrowhead. */
export const SYMMETRIC_TYPES = new Set(["CORRESPONDS_TO"]);

export function colorOf(type: string): string {
  return TYPE_COLORS[type] ?? UNKNOWN_COLOR;
}

/** Node radius in pixels at the default zoom: grows with the square root of the degree, capped. */
export function sizeOf(degree: unknown): number {
  const d = typeof degree === "number" && degree > 0 ? degree : 0;
  return Math.min(3 + 2.2 * Math.sqrt(d), 20);
}

export const SIGMA_SETTINGS: Partial<Settings> = {
  allowInvalidContainer: true,
  defaultNodeType: PROGRAM_NODE,
  defaultEdgeType: PROGRAM_EDGE,
  nodeProgramClasses: {
    [PROGRAM_NODE]: NodeCircleProgram,
    ringed: createNodeBorderProgram({
      borders: [
        { size: { value: 0.3, mode: "relative" }, color: { attribute: "ringColor", defaultValue: RING_COLOR } },
        { size: { fill: true }, color: { attribute: "color" } },
      ],
    }),
    doubleRinged: createNodeBorderProgram({
      borders: [
        { size: { value: 0.18, mode: "relative" }, color: { attribute: "color" } },
        { size: { value: 0.14, mode: "relative" }, color: { value: "#ffffff" } },
        { size: { fill: true }, color: { attribute: "color" } },
      ],
    }),
    hollow: createNodeBorderProgram({
      borders: [
        { size: { value: 0.38, mode: "relative" }, color: { attribute: "color" } },
        { size: { fill: true }, color: { value: "#ffffff" } },
      ],
    }),
  },
  edgeProgramClasses: {
    [PROGRAM_EDGE]: EdgeArrowProgram,
    [PROGRAM_EDGE_CURVED]: EdgeCurvedArrowProgram,
    [PROGRAM_EDGE_LINE]: EdgeRectangleProgram,
  },
  // Edge labels are drawn only where the reducer gives one: the hops of a path.
  renderEdgeLabels: true,
  labelFont: FONT_STACK,
  // Labels go right of their disc, or left of it where the right has no room (graph/labels.ts decides).
  defaultDrawNodeLabel: drawNodeLabel as unknown as Settings["defaultDrawNodeLabel"],
  labelSize: LABEL_FONT_SIZE,
  labelWeight: LABEL_FONT_WEIGHT,
  labelColor: { color: "#1d232b" },
  edgeLabelFont: FONT_STACK,
  edgeLabelSize: 11,
  // Which labels are drawn is decided by graph/labels.ts (by importance, none overlapping, none cut by the canvas
  // edge), which forces them; the grid then only matters for a node whose label was not forced, and it has none.
  labelDensity: 0.5,
  labelGridCellSize: 160,
  labelRenderedSizeThreshold: 6,
  zIndex: true,
  minCameraRatio: 0.05,
  maxCameraRatio: 4,
  stagePadding: 40,
  hideEdgesOnMove: false,
  // Edges are clickable: a selected edge shows its quote and source (graph endpoints send lean edges, capped near the
  // node count, so picking them stays cheap).
  enableEdgeEvents: true,
};
