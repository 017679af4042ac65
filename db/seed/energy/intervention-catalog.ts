/**
 * What the demo's interventions say, by equipment type (French, like the rest of the demo
 * data): preventive checklists and reports, corrective faults and their repairs, inspections.
 */
type Part = { name: string; quantity: number };
export type Repair = { title: string; actions: string; parts: Part[] };
export type TypeCatalog = {
  checklist: string[];
  preventive: { actions: string; parts: Part[] }[];
  corrective: Repair[];
};

const generic: TypeCatalog = {
  checklist: ["Consignation et balisage", "Contrôle visuel", "Serrage des connexions", "Essai de fonctionnement"],
  preventive: [{ actions: "Contrôle visuel, nettoyage, serrage des connexions et essai de fonctionnement : conforme.", parts: [] }],
  corrective: [
    {
      title: "Défaut signalé en exploitation",
      actions: "Diagnostic, remplacement du composant défaillant et essai : remis en service.",
      parts: [],
    },
  ],
};

export const catalog: Record<string, TypeCatalog> = {
  inverter: {
    checklist: [
      "Consignation côté DC et AC",
      "Nettoyage des filtres et ventilateurs",
      "Serrage des borniers DC/AC",
      "Lecture du journal d’erreurs",
    ],
    preventive: [
      {
        actions: "Nettoyage des filtres et des ventilateurs, contrôle des serrages DC/AC, lecture du journal : aucun défaut actif.",
        parts: [{ name: "Filtre à air d’armoire", quantity: 2 }],
      },
      { actions: "Dépoussiérage complet après vent de sable, contrôle des parafoudres, mise à jour du micrologiciel.", parts: [] },
    ],
    corrective: [
      {
        title: "Onduleur en défaut de surchauffe",
        actions: "Ventilateur de refroidissement bloqué remplacé ; redémarrage et suivi de la production pendant une heure.",
        parts: [{ name: "Ventilateur 120 mm", quantity: 2 }],
      },
      {
        title: "Onduleur déclenché sur défaut d’isolement",
        actions: "Mesure d’isolement chaîne par chaîne, connecteur endommagé remplacé sur la chaîne 7, remise en service.",
        parts: [{ name: "Connecteur MC4 (paire)", quantity: 1 }],
      },
    ],
  },
  panel_string: {
    checklist: ["Lavage des modules", "Thermographie de la chaîne", "Contrôle des connecteurs MC4", "Mesure Voc et Isc"],
    preventive: [
      { actions: "Lavage des modules à l’eau déminéralisée, thermographie sans point chaud, mesures Voc/Isc conformes.", parts: [] },
      {
        actions: "Contrôle des connecteurs et des fixations, un module fissuré repéré et remplacé.",
        parts: [{ name: "Module PV 575 W", quantity: 1 }],
      },
    ],
    corrective: [
      {
        title: "Chaîne PV à production nulle",
        actions: "Fusible de chaîne fondu remplacé ; cause : connecteur MC4 brûlé, remplacé également.",
        parts: [
          { name: "Fusible de chaîne 15 A", quantity: 2 },
          { name: "Connecteur MC4 (paire)", quantity: 1 },
        ],
      },
    ],
  },
  turbine: {
    checklist: [
      "Consignation et verrouillage du rotor",
      "Graissage des roulements",
      "Couple des boulons de tour",
      "Contrôle du multiplicateur",
    ],
    preventive: [
      {
        actions:
          "Graissage des roulements de pale et du palier principal, contrôle au couple des boulons de tour, analyse d’huile du multiplicateur prélevée.",
        parts: [{ name: "Graisse pour roulements (kg)", quantity: 4 }],
      },
    ],
    corrective: [
      {
        title: "Éolienne arrêtée sur défaut de survitesse",
        actions: "Capteur de vitesse du rotor défaillant remplacé ; essais de démarrage et de freinage concluants.",
        parts: [{ name: "Capteur de vitesse inductif", quantity: 1 }],
      },
      {
        title: "Vibrations anormales au multiplicateur",
        actions: "Mesures vibratoires, endoscopie du multiplicateur : usure d’un roulement, remplacement programmé, bridage à 70 %.",
        parts: [],
      },
    ],
  },
  transformer: {
    checklist: ["Prélèvement d’huile", "Contrôle du silicagel", "Thermographie des bornes", "Relevé des températures"],
    preventive: [
      {
        actions: "Prélèvement d’huile pour analyse des gaz dissous, silicagel saturé remplacé, thermographie des bornes sans anomalie.",
        parts: [{ name: "Silicagel (kg)", quantity: 2 }],
      },
    ],
    corrective: [
      {
        title: "Point chaud sur une borne BT",
        actions: "Connexion BT desserrée nettoyée et resserrée au couple ; nouvelle thermographie conforme.",
        parts: [{ name: "Graisse contact", quantity: 1 }],
      },
    ],
  },
  meter: {
    checklist: ["Contrôle des scellés", "Vérification de l’horloge", "Relevé contradictoire des index"],
    preventive: [{ actions: "Scellés intacts, horloge resynchronisée, relevé contradictoire conforme à la télérelève.", parts: [] }],
    corrective: [
      {
        title: "Compteur muet en télérelève",
        actions: "Modem de télérelève remplacé ; relevé à distance rétabli et index vérifiés sur place.",
        parts: [{ name: "Modem de télérelève", quantity: 1 }],
      },
    ],
  },
  battery: {
    checklist: ["Tensions cellule par cellule", "Équilibrage", "Contrôle de la climatisation du conteneur"],
    preventive: [{ actions: "Tensions relevées cellule par cellule, équilibrage effectué, filtres de climatisation nettoyés.", parts: [] }],
    corrective: [
      {
        title: "Module de batterie en défaut d’isolement",
        actions: "Module défaillant isolé puis remplacé ; test de capacité partiel conforme.",
        parts: [{ name: "Module de batterie lithium-fer-phosphate", quantity: 1 }],
      },
    ],
  },
  breaker: {
    checklist: ["Manœuvres d’essai", "Résistance de contact", "Pression de SF6"],
    preventive: [{ actions: "Manœuvres d’essai, résistance de contact mesurée, pression de SF6 nominale.", parts: [] }],
    corrective: [
      {
        title: "Disjoncteur refuse l’ouverture à distance",
        actions: "Bobine de déclenchement défaillante remplacée ; essais d’ouverture et de fermeture conformes.",
        parts: [{ name: "Bobine de déclenchement 110 V DC", quantity: 1 }],
      },
    ],
  },
  generator: {
    checklist: ["Vidange", "Remplacement des filtres", "Essai en charge"],
    preventive: [
      {
        actions: "Vidange, filtres à huile et à gasoil remplacés, essai en charge d’une heure sans défaut.",
        parts: [
          { name: "Huile moteur 15W-40 (L)", quantity: 40 },
          { name: "Filtre à huile", quantity: 2 },
        ],
      },
    ],
    corrective: [
      {
        title: "Groupe électrogène : tension instable",
        actions: "Régulateur de tension remplacé et réglé ; essai en charge conforme.",
        parts: [{ name: "Régulateur de tension", quantity: 1 }],
      },
    ],
  },
  pump: {
    checklist: ["Garniture mécanique", "Mesure des vibrations", "Graissage des paliers"],
    preventive: [
      { actions: "Garniture contrôlée, vibrations dans les tolérances, paliers graissés.", parts: [{ name: "Graisse (kg)", quantity: 1 }] },
    ],
    corrective: [
      {
        title: "Fuite à la garniture de la pompe",
        actions: "Garniture mécanique remplacée, alignement de l’accouplement repris.",
        parts: [{ name: "Garniture mécanique", quantity: 1 }],
      },
    ],
  },
};

export function catalogOf(type: string): TypeCatalog {
  return catalog[type] ?? generic;
}

export const inspections: { title: string; actions: string }[] = [
  { title: "Inspection thermographique", actions: "Thermographie réalisée : aucune anomalie au-delà de 10 °C d’écart." },
  { title: "Tournée d’inspection visuelle", actions: "Tournée complète : clôtures, signalisation et équipements en bon état." },
  { title: "Inspection après tempête de sable", actions: "Dépôts de sable importants relevés ; nettoyage programmé." },
  { title: "Contrôle réglementaire annuel", actions: "Contrôle réalisé avec le bureau de vérification : rapport sans réserve." },
];

export const cancelReasons = [
  "Défaut non reproduit à l’arrivée sur site.",
  "Doublon d’un signalement déjà traité.",
  "Accès au site impossible : alerte météo (vent de sable).",
  "Intégrée à la visite préventive de la semaine suivante.",
];
