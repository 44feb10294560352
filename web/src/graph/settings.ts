/**
 * Every sigma setting of the explorer in one place: programs (curved arrows so parallel edges stay apart), label
 * density and grid (tuned so labels do not overlap at the default zoom), the font stack (CJK included), colours of
 * entity and relationship types, and node sizes by degree.
 */
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { Settings } from "sigma/settings";
import { EdgeArrowProgram, NodeCircleProgram } from "sigma/rendering";

/** Latin first, then Noto Sans CJK SC so Chinese names render with Simplified glyphs, then platform CJK fonts. */
export const FONT_STACK = `"Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

export const TYPE_COLORS: Record<string, string> = {
  Company: "#1f6fb4",
  Organization: "#1597a8",
  Regulator: "#c8323a",
  Court: "#8a5a44",
  Law: "#2e8b3a",
  Model: "#7b55b5",
  Case: "#e07b12",
  Person: "#d0609e",
  Jurisdiction: "#6f7780",
  Topic: "#9a9b17",
  Source: "#8fa9cc",
  // The legal layer: an article in a lighter green than its law (bluer than the olive of topics); duties, who they bind
  // and what a breach costs in hues no other type uses (navy, mustard, maroon).
  Provision: "#4fb06a",
  Obligation: "#2b3f8c",
  Role: "#d69e00",
  Penalty: "#8c1c3c",
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
export const PROGRAM_EDGE = "arrow";
export const PROGRAM_EDGE_CURVED = "curvedArrow";

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
  nodeProgramClasses: { [PROGRAM_NODE]: NodeCircleProgram },
  edgeProgramClasses: { [PROGRAM_EDGE]: EdgeArrowProgram, [PROGRAM_EDGE_CURVED]: EdgeCurvedArrowProgram },
  labelFont: FONT_STACK,
  labelSize: 13,
  labelWeight: "500",
  labelColor: { color: "#1d232b" },
  edgeLabelFont: FONT_STACK,
  edgeLabelSize: 11,
  // Label density and grid: about one label per 140 px cell (the biggest node's), only for nodes drawn 8 px or
  // larger; names longer than 22 characters are cut by the node reducer so neighbouring cells do not collide.
  labelDensity: 0.8,
  labelGridCellSize: 140,
  labelRenderedSizeThreshold: 8,
  zIndex: true,
  minCameraRatio: 0.05,
  maxCameraRatio: 4,
  stagePadding: 40,
  hideEdgesOnMove: false,
  // Edges are clickable: a selected edge shows its quote and source (graph endpoints send lean edges, capped near the
  // node count, so picking them stays cheap).
  enableEdgeEvents: true,
};
