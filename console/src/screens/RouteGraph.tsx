import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { ConsoleFamilyRouteQuery } from '../gql/graphql';
import { label, messages as m } from '../messages';

type Graph = NonNullable<NonNullable<ConsoleFamilyRouteQuery['family']>['route']>['graph'];

/** Status colours of step nodes; the timeline uses the same ones (styles.css), and the status is also written out. */
const STATUS_COLOURS: Record<string, string> = {
  PLANNED: '#1f5fa8',
  IN_PROGRESS: '#7a4b00',
  DONE: '#1c6b35',
  OVERDUE: '#b00020',
  CANCELLED: '#555555',
  DECLINED: '#555555',
};

const SHAPES: Record<string, string> = {
  FAMILY: 'star',
  PERSON: 'ellipse',
  ORGANIZATION: 'round-rectangle',
  AGENCY: 'hexagon',
  STEP: 'round-tag',
};

declare global {
  interface Window {
    /** The drawn graph, for the browser tests and for anyone inspecting the page. */
    routeGraph?: Core;
  }
}

/** The routing graph drawn with Cytoscape.js: zoom by wheel or buttons; tapping a step selects it in the timeline. */
export default function RouteGraph({
  graph,
  selected,
  onSelect,
}: {
  graph: Graph;
  selected: string | null;
  onSelect: (stepId: string | null) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  useEffect(() => {
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const instance = cytoscape({
      container: container.current,
      elements: [
        ...graph.nodes.map((n) => ({
          data: {
            id: n.id,
            kind: n.kind,
            label:
              n.kind === 'ORGANIZATION'
                ? (n.organization?.shortName ?? n.organization?.name ?? n.label)
                : n.kind === 'AGENCY'
                  ? label(m.agencies, n.label)
                  : n.label,
            colour: n.status ? (STATUS_COLOURS[n.status] ?? '#333333') : n.kind === 'FAMILY' ? '#4b2a7a' : '#3d3d3d',
            shape: SHAPES[n.kind] ?? 'ellipse',
          },
        })),
        ...graph.edges
          .filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to))
          .map((e, i) => ({ data: { id: `edge-${i}`, source: e.from, target: e.to, kind: e.kind } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            shape: 'data(shape)' as never,
            label: 'data(label)',
            'font-size': 9,
            'text-wrap': 'ellipsis',
            'text-max-width': '110px',
            color: '#1a1a1a',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            width: 22,
            height: 22,
          },
        },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffbf00', width: 30, height: 30 } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#8a8a8a',
            'target-arrow-color': '#8a8a8a',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
          },
        },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 60 },
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 4,
    });
    instance.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      onSelect(node.data('kind') === 'STEP' ? (node.id() as string) : null);
    });
    window.routeGraph = instance;
    setCy(instance);
    return () => {
      instance.destroy();
      if (window.routeGraph === instance) delete window.routeGraph;
    };
  }, [graph, onSelect]);
  useEffect(() => {
    if (!cy) return;
    cy.nodes().unselect();
    if (selected) {
      const node = cy.getElementById(selected);
      if (node.nonempty()) {
        node.select();
        cy.animate({ center: { eles: node } }, { duration: 150 });
      }
    }
  }, [cy, selected]);
  const zoom = (factor: number) => cy?.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  return (
    <div>
      <div className="graph-tools" role="toolbar" aria-label={m.route.graph}>
        <button type="button" onClick={() => zoom(1.25)}>
          {m.route.zoomIn}
        </button>
        <button type="button" onClick={() => zoom(0.8)}>
          {m.route.zoomOut}
        </button>
        <button type="button" onClick={() => cy?.fit(undefined, 20)}>
          {m.route.fit}
        </button>
        <span className="muted" data-testid="graph-summary">
          {m.route.graphSummary(graph.nodes.length, graph.edges.length)}
        </span>
      </div>
      <div
        ref={container}
        className="graph"
        role="img"
        aria-label={`${m.route.graph}. ${m.route.graphSummary(graph.nodes.length, graph.edges.length)}`}
        aria-describedby="graph-help"
        data-testid="route-graph"
      />
    </div>
  );
}
