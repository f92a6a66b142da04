u="http://ausculto.nl/boos_aan_de_balie.html"
D(u,"news","Gemiddeld tien keer per jaar hebben we hier bij de sociale dienst een knokpartij', vertelt Jaap Burger, securitymanager van Nieuwegein. Laatst nog, toen vier klanten met elkaar op de vuist gingen. Zo zout had zelfs Burger het nog nooit gegeten. Maar ook in de 63.000 inwoners tellende gemeente onder de rook van Utrecht worden ambtenaren op hun werk geconfronteerd met diverse vormen van agressie.",
 F(["cliënten","bezoekers"],"Residents visiting the municipal social service are called customers."))
D(u,"news","'De balies hier zijn een meter dieper dan normaal. Dan moet je al hele lange armen hebben wil je een ambtenaar naar de keel kunnen grijpen', aldus Burger. Sommige spreekkamers zijn speciaal ingericht voor het ontvangen van 'moeilijk' bezoek. De bureaus tussen klant en ambtenaar lopen van muur tot muur, alle telefoons en toetsenborden zitten vastgeschroefd.",
 F(["inwoner","bezoeker"],"The resident across the desk from a municipal official."))
D("https://pdfslide.net/documents/grens-aan-agressie-20070501-grens-aan-agressie-grens-aan-agressie-inhoud.html","guide",
"Grens aan agressie - Inhoud 1. Inleiding 8 2. Agressie in de keten van werk en inkomen 12 ‘De klant kiest zelf voor agressie’",
 U("Quoted chapter title that itself uses klant for people on benefits; quote versus use."))
u="https://textz.info/2011/10/09/agressie-aan-de-balie-bouw-veiligheid-in/"
D(u,"blog","De sociale dienst van een OCMW heeft bij uitstek een nauwe band met klanten. En net die nauwe band wordt verstoord door gevallen van verbale en fysieke agressie. Het gevaar bestaat dat je meteen overgaat tot té strenge maatregelen, waardoor je een groot stuk moet inboeten in je inhoudelijke werking.",
 F(["cliënten","inwoners"],"People helped by the public social welfare centre (OCMW)."))
D(u,"blog","Voorzie vorming voor omgaan met agressieve klanten voor baliemedewerkers. Meestal kan je als personeelslid een klant kalmeren door je houding en je aanpak.",
 F(["cliënten","bezoekers"],"Visitors of a public social service desk."),
 F(["cliënt","bezoeker"],"A visitor of a public social service desk."))
D("https://5dok.net/document/y4wk4230-methodebeschrijving-begeleid-werken-pdf-kb.html","guide",
"Begeleid Werken - een individuele, vraaggerichte benadering",
 F(["op maat","die aansluit bij de vraag van de deelnemer"],"Demand-driven label for a publicly funded supported-employment method."))
